using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClaimAuditSamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Region = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PopulationHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Stratified = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimAuditSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClaimAuditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    NoKk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    District = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    OriginalVisitor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OriginalReviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OriginalActor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Finding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimAuditItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimAuditItems_ClaimAuditSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "ClaimAuditSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaimAuditItems_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAuditItems_AssignedTo_Finding",
                table: "ClaimAuditItems",
                columns: new[] { "AssignedTo", "Finding" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAuditItems_HouseholdId",
                table: "ClaimAuditItems",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAuditItems_SampleId_HouseholdId",
                table: "ClaimAuditItems",
                columns: new[] { "SampleId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAuditSamples_Region_CreatedAt",
                table: "ClaimAuditSamples",
                columns: new[] { "Region", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimAuditItems");

            migrationBuilder.DropTable(
                name: "ClaimAuditSamples");
        }
    }
}
