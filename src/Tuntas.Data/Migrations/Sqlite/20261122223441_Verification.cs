using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AssessedOn",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClassificationJson",
                table: "Households",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClassifiedAt",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Indicators",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCandidate",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoShelter",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSince",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PovertyCriteria",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    LinePerCapita = table.Column<long>(type: "INTEGER", nullable: false),
                    LineSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DesilMax = table.Column<int>(type: "INTEGER", nullable: false),
                    DesilSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DesilPeriod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IndicatorThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PovertyCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VervalRounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReverifyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VervalRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageMeetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MinutesFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    MinutesSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MinutesStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageMeetings_VervalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VervalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitTasks_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitTasks_VervalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VervalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_VillageMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "VillageMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposerContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EvidenceStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_VisitTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    MetPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Indicators = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShelter = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpendingPerCapita = table.Column<long>(type: "INTEGER", nullable: true),
                    MembersPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersDeceased = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersBorn = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MergeIntoNoKk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Visits_VisitTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdStatusEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    RegencyCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdStatusEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdStatusEvents_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdStatusEvents_Households_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HouseholdStatusEvents_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitEvidence_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_MergedIntoId",
                table: "Households",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_HouseholdId",
                table: "AuditEntries",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_DistrictCode_EffectiveDate",
                table: "HouseholdStatusEvents",
                columns: new[] { "DistrictCode", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_HouseholdId_EffectiveDate_Id",
                table: "HouseholdStatusEvents",
                columns: new[] { "HouseholdId", "EffectiveDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_MergedIntoId",
                table: "HouseholdStatusEvents",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_ProvinceCode_EffectiveDate",
                table: "HouseholdStatusEvents",
                columns: new[] { "ProvinceCode", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_RegencyCode_EffectiveDate",
                table: "HouseholdStatusEvents",
                columns: new[] { "RegencyCode", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusEvents_VisitId",
                table: "HouseholdStatusEvents",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_HouseholdId",
                table: "MeetingDecisions",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_MeetingId",
                table: "MeetingDecisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PovertyCriteria_Year_Region",
                table: "PovertyCriteria",
                columns: new[] { "Year", "Region" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_HouseholdId",
                table: "Proposals",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TaskId",
                table: "Proposals",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Village_DueOn",
                table: "Proposals",
                columns: new[] { "Village", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Region_Date",
                table: "Targets",
                columns: new[] { "Region", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_VervalRounds_Region",
                table: "VervalRounds",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_VillageMeetings_RoundId",
                table: "VillageMeetings",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageMeetings_Village",
                table: "VillageMeetings",
                column: "Village");

            migrationBuilder.CreateIndex(
                name: "IX_VisitEvidence_Sha256",
                table: "VisitEvidence",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_VisitEvidence_VisitId",
                table: "VisitEvidence",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HouseholdId_VisitedOn",
                table: "Visits",
                columns: new[] { "HouseholdId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Review",
                table: "Visits",
                column: "Review");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TaskId",
                table: "Visits",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_AssignedTo_State",
                table: "VisitTasks",
                columns: new[] { "AssignedTo", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_HouseholdId_State",
                table: "VisitTasks",
                columns: new[] { "HouseholdId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_RoundId_State",
                table: "VisitTasks",
                columns: new[] { "RoundId", "State" });

            migrationBuilder.AddForeignKey(
                name: "FK_Households_Households_MergedIntoId",
                table: "Households",
                column: "MergedIntoId",
                principalTable: "Households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Households_Households_MergedIntoId",
                table: "Households");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditHead");

            migrationBuilder.DropTable(
                name: "HouseholdStatusEvents");

            migrationBuilder.DropTable(
                name: "MeetingDecisions");

            migrationBuilder.DropTable(
                name: "PovertyCriteria");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "VisitEvidence");

            migrationBuilder.DropTable(
                name: "VillageMeetings");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "VisitTasks");

            migrationBuilder.DropTable(
                name: "VervalRounds");

            migrationBuilder.DropIndex(
                name: "IX_Households_MergedIntoId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "AssessedOn",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ClassificationJson",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ClassifiedAt",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "Indicators",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "IsCandidate",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "NoShelter",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Households");
        }
    }
}
