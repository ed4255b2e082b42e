using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DayCountLayout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Layout",
                table: "DayCountState",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Layout",
                table: "DayCountState");
        }
    }
}
