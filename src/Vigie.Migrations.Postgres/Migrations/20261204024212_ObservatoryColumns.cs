using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ObservatoryColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_IdentityIndex",
                table: "Situations");

            migrationBuilder.AddColumn<int>(
                name: "BirthMonth",
                table: "Situations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CountedOn",
                table: "Situations",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CountedOn",
                table: "Situations",
                column: "CountedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_IdentityIndex_CountedOn_Id",
                table: "Situations",
                columns: new[] { "IdentityIndex", "CountedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Situations_CountedOn",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_IdentityIndex_CountedOn_Id",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "BirthMonth",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "CountedOn",
                table: "Situations");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_IdentityIndex",
                table: "Situations",
                column: "IdentityIndex");
        }
    }
}
