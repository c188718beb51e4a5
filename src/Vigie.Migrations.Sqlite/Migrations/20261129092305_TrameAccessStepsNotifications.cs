using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrameAccessStepsNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DetectedOn",
                table: "Situations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EvaluationCount",
                table: "Situations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "Situations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameIndex",
                table: "Situations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "EmergencyAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JustificationEncrypted = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAccesses_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClearJson = table.Column<string>(type: "TEXT", nullable: false),
                    SecretEncrypted = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DetectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DetectionSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FamilyStructure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PhysicalViolence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SexualViolence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SiblingRank = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RunawaysLast12Months = table.Column<int>(type: "INTEGER", nullable: true),
                    PolyRunaway = table.Column<bool>(type: "INTEGER", nullable: true),
                    Proxenetisme = table.Column<bool>(type: "INTEGER", nullable: true),
                    Rabattage = table.Column<bool>(type: "INTEGER", nullable: true),
                    Protection = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Schooling = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LivingPlace = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnaccompaniedMinor = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalReferenceEncrypted = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalSteps_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SituationAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReasonEncrypted = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    AssignedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationAssignments_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationEvents_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrameDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClearJson = table.Column<string>(type: "TEXT", nullable: false),
                    SecretEncrypted = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrameDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrameDrafts_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Situations_NameIndex",
                table: "Situations",
                column: "NameIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Status_CreatedAt",
                table: "Situations",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_SituationId",
                table: "EmergencyAccesses",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_UserId_SituationId_ExpiresAt",
                table: "EmergencyAccesses",
                columns: new[] { "UserId", "SituationId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_SituationId_Number",
                table: "Evaluations",
                columns: new[] { "SituationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalSteps_CompletedAt_DueAt",
                table: "LegalSteps",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalSteps_ResponsibleUserId_CompletedAt_DueAt",
                table: "LegalSteps",
                columns: new[] { "ResponsibleUserId", "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalSteps_SituationId_OccurredAt",
                table: "LegalSteps",
                columns: new[] { "SituationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationAssignments_SituationId",
                table: "SituationAssignments",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationAssignments_UserId_SituationId",
                table: "SituationAssignments",
                columns: new[] { "UserId", "SituationId" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationEvents_SituationId_At",
                table: "SituationEvents",
                columns: new[] { "SituationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TrameDrafts_SituationId_Section",
                table: "TrameDrafts",
                columns: new[] { "SituationId", "Section" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyAccesses");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "LegalSteps");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SituationAssignments");

            migrationBuilder.DropTable(
                name: "SituationEvents");

            migrationBuilder.DropTable(
                name: "TrameDrafts");

            migrationBuilder.DropIndex(
                name: "IX_Situations_NameIndex",
                table: "Situations");

            migrationBuilder.DropIndex(
                name: "IX_Situations_Status_CreatedAt",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "DetectedOn",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "EvaluationCount",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "NameIndex",
                table: "Situations");
        }
    }
}
