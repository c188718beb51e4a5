using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Situations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Situations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReferentOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastNameEncrypted = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    FirstNameEncrypted = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    BirthDateEncrypted = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IdentityIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Territory = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Situations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Situations_Organisations_ReferentOrganisationId",
                        column: x => x.ReferentOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CreatedAt",
                table: "Situations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_IdentityIndex",
                table: "Situations",
                column: "IdentityIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_ReferentOrganisationId_Status",
                table: "Situations",
                columns: new[] { "ReferentOrganisationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Situations");
        }
    }
}
