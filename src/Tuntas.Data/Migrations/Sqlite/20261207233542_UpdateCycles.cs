using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpdateCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "UpdateCycles");
        }
    }
}
