using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuntas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalDataViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalDataViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataViews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_At",
                table: "PersonalDataViews",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_Subject_At",
                table: "PersonalDataViews",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_UserName_At",
                table: "PersonalDataViews",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalDataViews");
        }
    }
}
