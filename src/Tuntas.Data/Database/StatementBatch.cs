using System.Data.Common;

namespace Tuntas.Data.Database;

/// <summary>
/// Runs many small parameterised statements in the open transaction: as one round trip
/// (<see cref="DbBatch"/>) where the provider supports it (PostgreSQL), one after another on the
/// same prepared text where a statement costs no round trip (SQLite, in-process).
/// </summary>
public sealed class StatementBatch(DbConnection connection, DbTransaction? transaction)
{
    private readonly List<(string Sql, object?[] Values)> _statements = [];

    public int Count => _statements.Count;

    /// <summary>Adds a statement whose parameters are named <c>@p0</c>, <c>@p1</c>… in order.</summary>
    public void Add(string sql, params object?[] values) => _statements.Add((sql, values));

    /// <summary>Runs every statement; returns the rows each one affected, in order.</summary>
    public async Task<int[]> ExecuteAsync(CancellationToken ct)
    {
        var affected = new int[_statements.Count];
        if (_statements.Count == 0)
        {
            return affected;
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, values) in _statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + i;
                    parameter.Value = values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(ct);
            for (var i = 0; i < affected.Length; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }
        }
        else
        {
            var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
            try
            {
                for (var s = 0; s < _statements.Count; s++)
                {
                    var (sql, values) = _statements[s];
                    if (!commands.TryGetValue(sql, out var command))
                    {
                        command = connection.CreateCommand();
                        command.Transaction = transaction;
                        command.CommandText = sql;
                        for (var i = 0; i < values.Length; i++)
                        {
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = "@p" + i;
                            command.Parameters.Add(parameter);
                        }

                        commands[sql] = command;
                    }

                    for (var i = 0; i < values.Length; i++)
                    {
                        command.Parameters[i].Value = values[i] ?? DBNull.Value;
                    }

                    affected[s] = await command.ExecuteNonQueryAsync(ct);
                }
            }
            finally
            {
                foreach (var command in commands.Values)
                {
                    await command.DisposeAsync();
                }
            }
        }

        _statements.Clear();
        return affected;
    }
}
