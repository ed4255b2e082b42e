using Tuntas.Data.Import;

namespace Tuntas.Web.Import;

public static class ImportEndpoints
{
    /// <summary>The import template, <c>/templat/impor.xlsx</c> or <c>/templat/impor.csv</c>: no personal data, no login.</summary>
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/templat/impor.{format}", (string format) =>
            {
                if (format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }

                var path = Path.Combine(Path.GetTempPath(), $"tuntas-template-{Guid.NewGuid():N}.{format}");
                ImportTemplate.Write(path);
                var bytes = File.ReadAllBytes(path);
                File.Delete(path);
                return Results.File(
                    bytes,
                    format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"tuntas-template-impor.{format}");
            })
            .AllowAnonymous()
            .WithName("ImportTemplate")
            .WithSummary("The household import template (CSV or XLSX) with an example family.");
        return app;
    }
}
