using Tuntas.Web;

// Running this project directly serves the register named by TUNTAS_DB (or the default SQLite file);
// `tuntas serve` builds the same app through TuntasWebApp.
var app = TuntasWebApp.Build(args, database: null);
app.Run();

// Require a public Program class to implement the fixture for the
// WebApplicationFactory in the integration tests.
public partial class Program;
