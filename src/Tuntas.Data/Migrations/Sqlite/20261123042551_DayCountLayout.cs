using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
