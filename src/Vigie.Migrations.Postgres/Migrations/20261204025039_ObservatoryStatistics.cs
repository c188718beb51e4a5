using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ObservatoryStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_CountedOn",
                table: "Situations");

            migrationBuilder.AddColumn<bool>(
                name: "CountsForMinor",
                table: "Situations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DetectionSource",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyStructure",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LivingPlace",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhysicalViolence",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PolyRunaway",
                table: "Situations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Protection",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Proxenetisme",
                table: "Situations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rabattage",
                table: "Situations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunawaysLast12Months",
                table: "Situations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Schooling",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SexualViolence",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiblingRank",
                table: "Situations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UnaccompaniedMinor",
                table: "Situations",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Observatory",
                table: "Situations",
                columns: new[] { "CountsForMinor", "CountedOn", "Sex", "BirthYear", "BirthMonth", "Territory", "Level", "DetectedOn", "DetectionSource", "FamilyStructure", "PhysicalViolence", "SexualViolence", "SiblingRank", "RunawaysLast12Months", "PolyRunaway", "Proxenetisme", "Rabattage", "Protection", "Schooling", "LivingPlace", "UnaccompaniedMinor", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_Observatory",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "CountsForMinor",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "DetectionSource",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "FamilyStructure",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "LivingPlace",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "PhysicalViolence",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "PolyRunaway",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "Protection",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "Proxenetisme",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "Rabattage",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "RunawaysLast12Months",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "Schooling",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "SexualViolence",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "SiblingRank",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "UnaccompaniedMinor",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CountedOn",
                table: "Situations",
                column: "CountedOn");
        }
    }
}
