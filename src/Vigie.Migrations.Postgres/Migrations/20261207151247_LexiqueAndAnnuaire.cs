using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LexiqueAndAnnuaire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Territory = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Access = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Membership = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SearchKey = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryEntries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LexiqueTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TitleKey = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    Definition = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Synonyms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SearchKey = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiqueTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Function = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryContacts_DirectoryEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "DirectoryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LexiqueSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TermId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiqueSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LexiqueSources_LexiqueTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "LexiqueTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryContacts_EntryId_Position",
                table: "DirectoryContacts",
                columns: new[] { "EntryId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_IsActive_Kind",
                table: "DirectoryEntries",
                columns: new[] { "IsActive", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_OrganisationId",
                table: "DirectoryEntries",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_Territory",
                table: "DirectoryEntries",
                column: "Territory");

            migrationBuilder.CreateIndex(
                name: "IX_LexiqueSources_TermId_Position",
                table: "LexiqueSources",
                columns: new[] { "TermId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_LexiqueTerms_Key",
                table: "LexiqueTerms",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LexiqueTerms_TitleKey",
                table: "LexiqueTerms",
                column: "TitleKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryContacts");

            migrationBuilder.DropTable(
                name: "LexiqueSources");

            migrationBuilder.DropTable(
                name: "DirectoryEntries");

            migrationBuilder.DropTable(
                name: "LexiqueTerms");
        }
    }
}
