using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormationTrainings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainedPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    NormalisedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalisedEmployer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainedPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainedPeople_TrainedPeople_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "TrainedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Trainers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainedPersonDistinctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainedPersonDistinctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainedPersonDistinctions_TrainedPeople_FirstPersonId",
                        column: x => x.FirstPersonId,
                        principalTable: "TrainedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainedPersonDistinctions_TrainedPeople_SecondPersonId",
                        column: x => x.SecondPersonId,
                        principalTable: "TrainedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingParticipations_TrainedPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "TrainedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingParticipations_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainedPeople_MergedIntoId_Category",
                table: "TrainedPeople",
                columns: new[] { "MergedIntoId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainedPeople_NormalisedEmail",
                table: "TrainedPeople",
                column: "NormalisedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainedPeople_NormalisedName_MergedIntoId",
                table: "TrainedPeople",
                columns: new[] { "NormalisedName", "MergedIntoId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainedPersonDistinctions_FirstPersonId_SecondPersonId",
                table: "TrainedPersonDistinctions",
                columns: new[] { "FirstPersonId", "SecondPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainedPersonDistinctions_SecondPersonId",
                table: "TrainedPersonDistinctions",
                column: "SecondPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingParticipations_PersonId_SessionId",
                table: "TrainingParticipations",
                columns: new[] { "PersonId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingParticipations_SessionId_PersonId",
                table: "TrainingParticipations",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_Date",
                table: "TrainingSessions",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainedPersonDistinctions");

            migrationBuilder.DropTable(
                name: "TrainingParticipations");

            migrationBuilder.DropTable(
                name: "TrainedPeople");

            migrationBuilder.DropTable(
                name: "TrainingSessions");
        }
    }
}
