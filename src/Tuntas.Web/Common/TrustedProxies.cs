using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Tuntas.Web.Common;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Behind
/// nginx every request arrives from the proxy's address, so without them all residents would share
/// one allowance of the public form (<see cref="Public.PublicSubmissionLimit"/>), and the sign-in
/// cookie would not know the connection was HTTPS.
/// </summary>
/// <remarks>
/// Loopback (<c>127.0.0.0/8</c> and <c>::1</c>) stays trusted, the framework's own default, so a proxy
/// on the same machine needs no setting. <see cref="Setting"/> adds proxies elsewhere: a comma-separated
/// list of addresses or CIDR networks. From any other address the headers are ignored and the
/// connection's own address counts. <c>X-Forwarded-Host</c> is never read: the host stays the one
/// the request was sent to.
/// </remarks>
public static class TrustedProxies
{
    /// <summary>The environment variable (or configuration key) listing the trusted proxies.</summary>
    public const string Setting = "TUNTAS_TRUSTED_PROXIES";

    /// <summary>Reads the list; an entry that is not an address or a network is a configuration error, named in the message.</summary>
    public static IReadOnlyList<IPNetwork> Parse(string? setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(entry, out var network) : TrySingle(entry, out network))
            {
                networks.Add(network);
            }
            else
            {
                throw new ArgumentException($"{Setting}: \"{entry}\" is neither an IP address (10.0.0.5) nor a network in CIDR form (10.0.0.0/24).");
            }
        }

        return networks;
    }

    /// <summary>Believes the two headers from loopback and from <paramref name="proxies"/>.</summary>
    public static void Configure(ForwardedHeadersOptions options, IReadOnlyList<IPNetwork> proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Walk back through a chain of trusted proxies (a load balancer before nginx, say) and stop at
        // the first address that is not one of them: that is the client. An address the client wrote
        // into the header itself lies beyond it and is never reached.
        options.ForwardLimit = null;
        foreach (var network in proxies)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    private static bool TrySingle(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        network = default;
        return false;
    }
}
