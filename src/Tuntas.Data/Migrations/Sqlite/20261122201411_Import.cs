using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Name",
                table: "People");

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Headers = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdsInserted = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdsUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdsUnchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    MembersInserted = table.Column<long>(type: "INTEGER", nullable: false),
                    MembersUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    MembersUnchanged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdChanges_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdChanges_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportRejectedRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Original = table.Column<string>(type: "TEXT", nullable: false),
                    NoKk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRejectedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRejectedRows_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdChanges_BatchId",
                table: "HouseholdChanges",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdChanges_HouseholdId_RecordedAt",
                table: "HouseholdChanges",
                columns: new[] { "HouseholdId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejectedRows_BatchId_Line",
                table: "ImportRejectedRows",
                columns: new[] { "BatchId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejectedRows_VillageCode_ResolvedAt",
                table: "ImportRejectedRows",
                columns: new[] { "VillageCode", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdChanges");

            migrationBuilder.DropTable(
                name: "ImportRejectedRows");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.CreateIndex(
                name: "IX_People_Name",
                table: "People",
                column: "Name");
        }
    }
}
