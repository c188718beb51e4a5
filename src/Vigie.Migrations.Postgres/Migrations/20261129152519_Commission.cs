using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Commission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgendaPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AgendaPublishedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MinutesClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConfidentialityCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialityCommitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    ReasonEncrypted = table.Column<string>(type: "text", nullable: false),
                    AskEncrypted = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReasonEncrypted = table.Column<string>(type: "text", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRequests_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attendance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionInvitations_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentEncrypted = table.Column<string>(type: "text", nullable: false),
                    PdfAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValidatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ValidatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionMinutes_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentAcceptances_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentAcceptances_ConfidentialityCommitments_Commitment~",
                        column: x => x.CommitmentId,
                        principalTable: "ConfidentialityCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Representation = table.Column<bool>(type: "boolean", nullable: false),
                    PresenterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SummaryEncrypted = table.Column<string>(type: "text", nullable: true),
                    IndicatorsEncrypted = table.Column<string>(type: "text", nullable: true),
                    Widened = table.Column<bool>(type: "boolean", nullable: false),
                    SharedInformationEncrypted = table.Column<string>(type: "text", nullable: true),
                    AdviceEncrypted = table.Column<string>(type: "text", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaItems_ReviewRequests_ReviewRequestId",
                        column: x => x.ReviewRequestId,
                        principalTable: "ReviewRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TextEncrypted = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesAmendments_SessionMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "SessionMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesReadReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reads = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesReadReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesReadReceipts_SessionMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "SessionMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DescriptionEncrypted = table.Column<string>(type: "text", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosingNoteEncrypted = table.Column<string>(type: "text", nullable: true),
                    ReminderBeforeSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderAfterSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionActions_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommissionActions_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommissionActions_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissionActions_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommissionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DetailEncrypted = table.Column<string>(type: "text", nullable: true),
                    RepresentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissionDecisions_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Accompaniments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentCollectedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConsentRecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EndCommentEncrypted = table.Column<string>(type: "text", nullable: true),
                    EndedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accompaniments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Accompaniments_CommissionDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CommissionDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Accompaniments_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccompanimentNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccompanimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TextEncrypted = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccompanimentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccompanimentNotes_Accompaniments_AccompanimentId",
                        column: x => x.AccompanimentId,
                        principalTable: "Accompaniments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccompanimentNotes_AccompanimentId_At",
                table: "AccompanimentNotes",
                columns: new[] { "AccompanimentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Accompaniments_DecisionId",
                table: "Accompaniments",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Accompaniments_SituationId_ProposedAt",
                table: "Accompaniments",
                columns: new[] { "SituationId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Accompaniments_Status_SituationId",
                table: "Accompaniments",
                columns: new[] { "Status", "SituationId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_ReviewRequestId",
                table: "AgendaItems",
                column: "ReviewRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId_Position",
                table: "AgendaItems",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SituationId_SessionId",
                table: "AgendaItems",
                columns: new[] { "SituationId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_AgendaItemId",
                table: "CommissionActions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_OwnerId_Status",
                table: "CommissionActions",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_OwnerOrganisationId_Status",
                table: "CommissionActions",
                columns: new[] { "OwnerOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_SessionId",
                table: "CommissionActions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_SituationId_CreatedAt",
                table: "CommissionActions",
                columns: new[] { "SituationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionActions_Status_DueOn",
                table: "CommissionActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionDecisions_AgendaItemId",
                table: "CommissionDecisions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionDecisions_Kind_CreatedAt",
                table: "CommissionDecisions",
                columns: new[] { "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_Number",
                table: "CommissionSessions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_StartsAt",
                table: "CommissionSessions",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentAcceptances_CommitmentId",
                table: "CommitmentAcceptances",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentAcceptances_SessionId_UserId",
                table: "CommitmentAcceptances",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentAcceptances_UserId_SessionId",
                table: "CommitmentAcceptances",
                columns: new[] { "UserId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialityCommitments_Version",
                table: "ConfidentialityCommitments",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesAmendments_MinutesId_Number",
                table: "MinutesAmendments",
                columns: new[] { "MinutesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesReadReceipts_MinutesId_UserId",
                table: "MinutesReadReceipts",
                columns: new[] { "MinutesId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRequests_SituationId_RequestedAt",
                table: "ReviewRequests",
                columns: new[] { "SituationId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRequests_Status_RequestedAt",
                table: "ReviewRequests",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionInvitations_SessionId_UserId",
                table: "SessionInvitations",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionInvitations_UserId_SessionId",
                table: "SessionInvitations",
                columns: new[] { "UserId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionMinutes_SessionId",
                table: "SessionMinutes",
                column: "SessionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccompanimentNotes");

            migrationBuilder.DropTable(
                name: "CommissionActions");

            migrationBuilder.DropTable(
                name: "CommitmentAcceptances");

            migrationBuilder.DropTable(
                name: "MinutesAmendments");

            migrationBuilder.DropTable(
                name: "MinutesReadReceipts");

            migrationBuilder.DropTable(
                name: "SessionInvitations");

            migrationBuilder.DropTable(
                name: "Accompaniments");

            migrationBuilder.DropTable(
                name: "ConfidentialityCommitments");

            migrationBuilder.DropTable(
                name: "SessionMinutes");

            migrationBuilder.DropTable(
                name: "CommissionDecisions");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "CommissionSessions");

            migrationBuilder.DropTable(
                name: "ReviewRequests");
        }
    }
}
