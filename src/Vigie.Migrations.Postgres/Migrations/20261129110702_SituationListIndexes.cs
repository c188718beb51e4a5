using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SituationListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_CreatedAt",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_Status_CreatedAt",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_BirthYear",
                table: "Situations",
                column: "BirthYear");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CreatedAt_Id",
                table: "Situations",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Level_BirthYear",
                table: "Situations",
                columns: new[] { "Level", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Status_CreatedAt_Id",
                table: "Situations",
                columns: new[] { "Status", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_BirthYear",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_CreatedAt_Id",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_Level_BirthYear",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_Status_CreatedAt_Id",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CreatedAt",
                table: "Situations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Status_CreatedAt",
                table: "Situations",
                columns: new[] { "Status", "CreatedAt" });
        }
    }
}
