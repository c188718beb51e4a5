using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LegalStepsByKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_LegalSteps_Kind_SituationId_OccurredAt",
                table: "LegalSteps",
                columns: new[] { "Kind", "SituationId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalSteps_Kind_SituationId_OccurredAt",
                table: "LegalSteps");
        }
    }
}
