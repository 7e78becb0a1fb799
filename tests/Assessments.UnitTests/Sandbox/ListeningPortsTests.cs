using System.Net;
using Assessments.Runner.Sandbox;

namespace Assessments.UnitTests.Sandbox;

public sealed class ListeningPortsTests
{
    [Fact]
    public void Parse_reads_an_ipv4_listener_in_kernel_byte_order()
    {
        var listener = ListeningPorts.Parse("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1654        0 1 1 0000000000000000 100 0 0 10 0");

        Assert.Equal(new Listener(IPAddress.Loopback, 8080), listener);
        Assert.True(listener!.IsLoopbackOnly);
    }

    [Fact]
    public void Parse_reads_an_ipv6_any_listener_and_ignores_connected_sockets()
    {
        var any = ListeningPorts.Parse("   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1654 0 1");
        var established = ListeningPorts.Parse("   1: 020012AC:1F90 010012AC:C350 01 00000000:00000000 00:00000000 00000000  1654 0 2");

        Assert.Equal(new Listener(IPAddress.IPv6Any, 8080), any);
        Assert.Null(established);
    }

    [Theory]
    [InlineData("0.0.0.0:8080", "; it listens on port 8080")]
    [InlineData("0.0.0.0:5000", "; it listens on port 5000, not 8080")]
    [InlineData("127.0.0.1:8080", "; it listens on port 8080 only on loopback (127.0.0.1:8080), which nothing outside the container can reach")]
    [InlineData("", "; it listens on no TCP port")]
    public void Describe_says_where_the_service_listens_compared_with_the_expected_port(string listener, string expected)
    {
        var listeners = listener.Length == 0 ? [] : new[] { new Listener(IPAddress.Parse(listener.Split(':')[0]), int.Parse(listener.Split(':')[1])) };

        Assert.Equal(expected, ListeningPorts.Describe(listeners, 8080));
    }

    [Fact]
    public void Describe_says_nothing_when_the_namespace_could_not_be_read()
    {
        Assert.Equal(string.Empty, ListeningPorts.Describe(null, 8080));
    }
}
