using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DtsenDesilCyclesCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EligibilitySource",
                table: "Programmes",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleDesilMax",
                table: "Programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LineCode",
                table: "PovertyCriteria",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DesilImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Headers = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesilImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PovertyLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LinePerCapita = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Computation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Official = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PovertyLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpdateCycles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Regency = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeetingDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalDay = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckDay = table.Column<int>(type: "INTEGER", nullable: false),
                    GroundcheckDay = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateCycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesilFollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    NoKk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Desil = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    NumberRegency = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesilFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesilFollowUps_DesilImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "DesilImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DesilRejectedRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Original = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesilRejectedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesilRejectedRows_DesilImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "DesilImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdDesils",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Desil = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DesilImportId = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdDesils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdDesils_DesilImports_DesilImportId",
                        column: x => x.DesilImportId,
                        principalTable: "DesilImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HouseholdDesils_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdDesils_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CycleGroundchecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    DesilVersion = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DesilBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    DesilAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleGroundchecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleGroundchecks_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CycleGroundchecks_UpdateCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "UpdateCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CycleGroundchecks_VisitTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    NoKk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeadNik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Groundcheck = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    GroundcheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GroundcheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    GroundcheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleProposals_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CycleProposals_UpdateCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "UpdateCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CycleVillages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    MeetingHeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MinutesFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    MinutesSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MinutesStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MeetingRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposalsDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposalsDoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleVillages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleVillages_UpdateCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "UpdateCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CycleGroundchecks_CycleId",
                table: "CycleGroundchecks",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleGroundchecks_HouseholdId_DesilVersion",
                table: "CycleGroundchecks",
                columns: new[] { "HouseholdId", "DesilVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleGroundchecks_TaskId",
                table: "CycleGroundchecks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleProposals_CycleId_NoKk",
                table: "CycleProposals",
                columns: new[] { "CycleId", "NoKk" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleProposals_CycleId_Village",
                table: "CycleProposals",
                columns: new[] { "CycleId", "Village" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleProposals_HouseholdId",
                table: "CycleProposals",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleVillages_CycleId_Village",
                table: "CycleVillages",
                columns: new[] { "CycleId", "Village" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DesilFollowUps_ImportId",
                table: "DesilFollowUps",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_DesilFollowUps_NoKk_Source_Version",
                table: "DesilFollowUps",
                columns: new[] { "NoKk", "Source", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_DesilFollowUps_Region",
                table: "DesilFollowUps",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_DesilRejectedRows_ImportId",
                table: "DesilRejectedRows",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDesils_DesilImportId",
                table: "HouseholdDesils",
                column: "DesilImportId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDesils_HouseholdId_Version",
                table: "HouseholdDesils",
                columns: new[] { "HouseholdId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDesils_ImportBatchId",
                table: "HouseholdDesils",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDesils_Version",
                table: "HouseholdDesils",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_PovertyLines_Code_Year",
                table: "PovertyLines",
                columns: new[] { "Code", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpdateCycles_Regency_Month",
                table: "UpdateCycles",
                columns: new[] { "Regency", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleGroundchecks");

            migrationBuilder.DropTable(
                name: "CycleProposals");

            migrationBuilder.DropTable(
                name: "CycleVillages");

            migrationBuilder.DropTable(
                name: "DesilFollowUps");

            migrationBuilder.DropTable(
                name: "DesilRejectedRows");

            migrationBuilder.DropTable(
                name: "HouseholdDesils");

            migrationBuilder.DropTable(
                name: "PovertyLines");

            migrationBuilder.DropTable(
                name: "UpdateCycles");

            migrationBuilder.DropTable(
                name: "DesilImports");

            migrationBuilder.DropColumn(
                name: "EligibilitySource",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "EligibleDesilMax",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "LineCode",
                table: "PovertyCriteria");
        }
    }
}
