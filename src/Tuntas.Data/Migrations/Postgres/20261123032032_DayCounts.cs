using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DayCountState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HandlingMonths = table.Column<int>(type: "integer", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayCountState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegionDayCounts",
                columns: table => new
                {
                    Region = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Measure = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Parent = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionDayCounts", x => new { x.Region, x.Measure, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegionDayCounts_Parent_Measure_Day_Region_Households_People",
                table: "RegionDayCounts",
                columns: new[] { "Parent", "Measure", "Day", "Region", "Households", "People" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionDayCounts_Region_Measure_Day_Households_People",
                table: "RegionDayCounts",
                columns: new[] { "Region", "Measure", "Day", "Households", "People" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DayCountState");

            migrationBuilder.DropTable(
                name: "RegionDayCounts");
        }
    }
}
