using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CriteriaAsData : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_PovertyLines_Code_Year",
                table: "PovertyLines",
                columns: new[] { "Code", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PovertyLines");

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
