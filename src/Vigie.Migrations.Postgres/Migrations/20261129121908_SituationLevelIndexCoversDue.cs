using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SituationLevelIndexCoversDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_Level_BirthYear",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Level_BirthYear_NextDueAt",
                table: "Situations",
                columns: new[] { "Level", "BirthYear", "NextDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_Level_BirthYear_NextDueAt",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Level_BirthYear",
                table: "Situations",
                columns: new[] { "Level", "BirthYear" });
        }
    }
}
