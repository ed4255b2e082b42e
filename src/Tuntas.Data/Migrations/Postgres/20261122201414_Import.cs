using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Headers = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    Accepted = table.Column<long>(type: "bigint", nullable: false),
                    Rejected = table.Column<long>(type: "bigint", nullable: false),
                    Warnings = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdsInserted = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdsUpdated = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdsUnchanged = table.Column<long>(type: "bigint", nullable: false),
                    MembersInserted = table.Column<long>(type: "bigint", nullable: false),
                    MembersUpdated = table.Column<long>(type: "bigint", nullable: false),
                    MembersUnchanged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Column = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Original = table.Column<string>(type: "text", nullable: false),
                    NoKk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
