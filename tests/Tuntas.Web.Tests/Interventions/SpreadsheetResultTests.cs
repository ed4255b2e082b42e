using System.Text;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Tests.Interventions;

public class SpreadsheetResultTests
{
    [Fact]
    public void Csv_EscapesTextASpreadsheetWouldRunAsAFormula_AndKeepsNumbersAndNumbersAsText()
    {
        var file = SpreadsheetResult.For(true, "Daftar", "daftar-kerja.xlsx", ["No. KK", "Kepala Keluarga", "Nilai"],
        [
            ["6474010101200001", "=HYPERLINK(\"http://x\",\"klik\")", 750_000L],
            ["6474010101200002", "@SUM(A1)", -5L],
            ["6474010101200003", "Siti, \"Ani\"", null],
        ]);

        Assert.Equal("daftar-kerja.csv", file.FileDownloadName);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        var text = Encoding.UTF8.GetString(file.FileContents).TrimStart('\uFEFF');
        Assert.Equal(
            "No. KK,Kepala Keluarga,Nilai\r\n" +
            "6474010101200001,\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",750000\r\n" +
            "6474010101200002,'@SUM(A1),-5\r\n" +
            "6474010101200003,\"Siti, \"\"Ani\"\"\",\r\n",
            text);
        Assert.Equal("daftar-kerja.xlsx", SpreadsheetResult.For(false, "Daftar", "daftar-kerja.xlsx", ["a"], [["b"]]).FileDownloadName);
    }
}
