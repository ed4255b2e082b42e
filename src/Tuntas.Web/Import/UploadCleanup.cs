namespace Tuntas.Web.Import;

/// <summary>
/// Deletes uploads and rejected-rows files older than the retention period: once when the server
/// starts, then every hour (or sooner when the retention period is shorter).
/// </summary>
public sealed partial class UploadCleanup(UploadStore uploads, ILogger<UploadCleanup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = uploads.Retention < TimeSpan.FromHours(1) ? uploads.Retention : TimeSpan.FromHours(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = uploads.DeleteExpired();
                if (deleted > 0)
                {
                    Deleted(log, deleted, uploads.Retention.TotalHours);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failed(log, e);
            }

            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploaded files older than {Hours} hours.")]
    private static partial void Deleted(ILogger logger, int count, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload cleanup could not finish; it tries again at the next round.")]
    private static partial void Failed(ILogger logger, Exception e);
}
