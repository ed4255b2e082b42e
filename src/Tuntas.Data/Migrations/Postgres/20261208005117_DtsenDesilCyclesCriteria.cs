using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleDesilMax",
                table: "Programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LineCode",
                table: "PovertyCriteria",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DesilImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Headers = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Region = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    Accepted = table.Column<long>(type: "bigint", nullable: false),
                    Rejected = table.Column<long>(type: "bigint", nullable: false),
                    Unmatched = table.Column<long>(type: "bigint", nullable: false),
                    Updated = table.Column<long>(type: "bigint", nullable: false),
                    Unchanged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesilImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PovertyLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LinePerCapita = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Computation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Official = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PovertyLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpdateCycles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Regency = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingDay = table.Column<int>(type: "integer", nullable: false),
                    ProposalDay = table.Column<int>(type: "integer", nullable: false),
                    CheckDay = table.Column<int>(type: "integer", nullable: false),
                    GroundcheckDay = table.Column<int>(type: "integer", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateCycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesilFollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    NoKk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Desil = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "date", nullable: false),
                    Region = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    NumberRegency = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Column = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Original = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Desil = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DesilImportId = table.Column<long>(type: "bigint", nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    DesilVersion = table.Column<DateOnly>(type: "date", nullable: false),
                    DesilBefore = table.Column<int>(type: "integer", nullable: true),
                    DesilAfter = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    Village = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    NoKk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HeadNik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Groundcheck = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    GroundcheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GroundcheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GroundcheckNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    Village = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    MeetingHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MinutesFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    MinutesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MinutesStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MeetingRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProposalsDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposalsDoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
