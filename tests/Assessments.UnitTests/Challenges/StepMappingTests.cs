using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

public sealed class StepMappingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_step_kind_of_the_design_maps_to_its_step()
    {
        // given
        StepChallenge.WriteTo(_folder, """
            - upstream: { reset: true, faults: { latencyMs: 400, outage: false, failFirst: 2, failKeys: ["poison-*"] }, set: { key: SKU-1, data: { priceCents: 1299 } } }
            - request: { method: GET, path: "/prices/SKU-1" }
              expect: { status: 200, maxMs: 50 }
              eventually: { timeoutSeconds: 30, intervalMs: 500 }
              capture: { etag: "header:ETag" }
            - burst: { count: 50, concurrency: 50 }
              request: { method: POST, path: /jobs, headers: { Idempotency-Key: "k-{{run.id}}-{{i}}" }, json: { orderId: "o-{{run.id}}-{{i}}", amountCents: 1000 } }
              expect: { status: [202, 429, 503] }
              expectSome: { status: [429], headers: { Retry-After: "@present" } }
              collect: { name: accepted, value: "o-{{run.id}}-{{i}}", when: { status: [202] } }
            - expectUpstream:
                calls: { "GET /prices/SKU-9": "<=1" }
                totalCalls: "<=3"
                peakConcurrency: { "POST /payments": "<=4" }
                effects: { references: accepted, applied: "==1" }
                tracedFrom: last-request
              eventually: { timeoutSeconds: 60, intervalMs: 1000 }
            - service: { signal: KILL, restart: true }
            - service: { signal: TERM }
            - expectService: { running: true, memoryMiB: "<=200", restarts: "==1" }
            - sleep: { milliseconds: 1500 }
            """);

        // when
        var (challenge, problems) = ChallengeLoader.Validate(_folder.Root);

        // then
        Assert.Empty(problems);
        var steps = Assert.Single(challenge!.Scenarios).Steps;
        Assert.Equal(
            ["upstream", "request", "burst", "expectUpstream", "service", "service", "expectService", "sleep"],
            steps.Select(s => s.Kind));

        var upstream = Assert.IsType<UpstreamStep>(steps[0]);
        Assert.True(upstream.Reset);
        var faults = upstream.Faults!;
        Assert.Equal((400, (int?)null, false, 2), (faults.LatencyMs, faults.JitterMs, faults.Outage, faults.FailFirst));
        Assert.Equal(["poison-*"], faults.FailKeys!);
        Assert.Equal("SKU-1", upstream.Set!.Key);
        Assert.Equal("""{"priceCents":1299}""", upstream.Set.DataJson);

        var request = Assert.IsType<RequestStep>(steps[1]);
        Assert.Equal(50, request.Expect.MaxMs);
        Assert.Equal(new Eventually(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)), request.Eventually);

        var burst = Assert.IsType<BurstStep>(steps[2]);
        Assert.Equal((50, 50), (burst.Count, burst.Concurrency));
        Assert.Equal([429], burst.ExpectSome!.Status);
        Assert.Equal(("accepted", "o-{{run.id}}-{{i}}"), (burst.Collect!.Name, burst.Collect.Value));
        Assert.Equal([202], burst.Collect.WhenStatus);

        var expect = Assert.IsType<ExpectUpstreamStep>(steps[3]);
        Assert.Equal(new Comparison("<=", 1), expect.Calls["GET /prices/SKU-9"]);
        Assert.Equal(new Comparison("<=", 3), expect.TotalCalls);
        Assert.Equal("accepted", expect.Effects!.References);
        Assert.Equal(new Comparison("==", 1), expect.Effects.Applied);
        Assert.True(expect.TracedFromLastRequest);
        Assert.NotNull(expect.Eventually);

        Assert.Equal(new ServiceStep(ServiceSignal.Kill, true), steps[4]);
        Assert.Equal(new ServiceStep(ServiceSignal.Term, true), steps[5]);
        Assert.Equal(new ExpectServiceStep(true, new Comparison("<=", 200), new Comparison("==", 1)), steps[6]);
        Assert.Equal(new SleepStep(TimeSpan.FromMilliseconds(1500)), steps[7]);
    }

    [Fact]
    public void The_upstream_block_and_the_data_volume_map_onto_the_challenge()
    {
        StepChallenge.WriteTo(_folder, "- sleep: { milliseconds: 1 }", service: "  dataVolume: /data");

        var (challenge, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Empty(problems);
        Assert.Equal("/data", challenge!.Service.DataVolume);
        var upstream = challenge.Upstream!;
        Assert.Equal(("prices", "payments", 100, 10, 0), (upstream.Resources, upstream.Effects, upstream.LatencyMs, upstream.JitterMs, upstream.PaddingBytes));
        Assert.Equal("""{"SKU-1":{"priceCents":1000}}""", upstream.DataJson);
    }

    [Theory]
    [InlineData("- { }", "scenarios[0].steps[0]", "a step needs exactly one kind")]
    [InlineData("- launch: { rockets: 3 }", "", "'launch' is not a known key here")]
    [InlineData("- sleep: { milliseconds: 5 }\n  service: { signal: KILL }", "scenarios[0].steps[0]", "this one has service and sleep")]
    [InlineData("- burst: { count: 5, concurrency: 5 }\n  expect: { status: 200 }", "scenarios[0].steps[0].request", "a burst's request is required")]
    [InlineData("- burst: { count: 5, concurrency: 9 }\n  request: { path: /x }\n  expect: { status: 200 }", "scenarios[0].steps[0].burst.concurrency", "between 1 and the count")]
    [InlineData("- burst: { count: 0 }\n  request: { path: /x }\n  expect: { status: 200 }", "scenarios[0].steps[0].burst.count", "between 1 and 2000")]
    [InlineData("- expectUpstream: { effects: { references: accepted, applied: \"==1\" } }", "scenarios[0].steps[0].expectUpstream.effects.references", "'accepted' is not a list gathered by an earlier burst's collect")]
    [InlineData("- request: { path: \"/x/{{i}}\" }\n  expect: { status: 200 }", "scenarios[0].steps[0]", "'{{i}}' is only defined inside a burst step")]
    [InlineData("- expectUpstream: { totalCalls: \"about 3\" }", "scenarios[0].steps[0].expectUpstream.totalCalls", "'about 3' must be a comparison")]
    [InlineData("- expectUpstream: { calls: { \"/prices/SKU-1\": \"==1\" } }", "scenarios[0].steps[0].expectUpstream.calls./prices/SKU-1", "must be a route as the stub counts it")]
    [InlineData("- expectUpstream: { tracedFrom: last-request }", "scenarios[0].steps[0].expectUpstream.tracedFrom", "no request step comes before this one")]
    [InlineData("- expectUpstream: { }", "scenarios[0].steps[0].expectUpstream", "give at least one of")]
    [InlineData("- upstream: { }", "scenarios[0].steps[0].upstream", "give reset, faults or set")]
    [InlineData("- upstream: { set: { key: SKU-1, data: 3 } }", "scenarios[0].steps[0].upstream.set.data", "must be a mapping")]
    [InlineData("- service: { signal: HUP }", "scenarios[0].steps[0].service.signal", "'HUP' must be KILL or TERM")]
    [InlineData("- expectService: { }", "scenarios[0].steps[0].expectService", "give running, memoryMiB or restarts")]
    [InlineData("- sleep: { milliseconds: 0 }", "scenarios[0].steps[0].sleep.milliseconds", "between 1 and 60000")]
    [InlineData("- sleep: { milliseconds: 5 }\n  eventually: { timeoutSeconds: 3 }", "scenarios[0].steps[0].eventually", "'eventually' belongs to request and expectUpstream steps")]
    [InlineData("- request: { path: /x }\n  expect: { status: 200 }\n  collect: { name: a, value: b }", "scenarios[0].steps[0].collect", "'collect' belongs to burst steps")]
    [InlineData("- request: { path: /x }\n  expect: { status: 200, maxMs: 0 }", "scenarios[0].steps[0].expect.maxMs", "between 1 and 600000")]
    public void Validate_names_the_problem_of_a_malformed_step(string steps, string where, string message)
    {
        StepChallenge.WriteTo(_folder, steps);

        var (challenge, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Null(challenge);
        Assert.True(
            problems.Any(p => p.File == "scenarios.yaml" && (where.Length == 0 || p.Where == where) && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected scenarios.yaml: {where}: …{message}…, got:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void A_list_gathered_by_collect_is_not_a_placeholder()
    {
        StepChallenge.WriteTo(_folder, """
            - burst: { count: 2, concurrency: 2 }
              request: { method: POST, path: /jobs }
              expect: { status: 202 }
              collect: { name: accepted, value: "{{i}}" }
            - request: { path: "/jobs/{{accepted}}" }
              expect: { status: 200 }
            """);

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Contains(problems, p => p.Message.Contains("'{{accepted}}' is a list gathered by collect", StringComparison.Ordinal));
    }

    [Fact]
    public void Upstream_steps_in_a_challenge_without_an_upstream_are_refused()
    {
        StepChallenge.WriteTo(_folder, "- upstream: { reset: true }\n- expectUpstream: { totalCalls: \"==0\" }", upstream: null);

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Contains(problems, p => p.Where == "scenarios[0].steps[0]" && p.Message == "a upstream step needs an upstream, and challenge.yaml declares none");
        Assert.Contains(problems, p => p.Where == "scenarios[0].steps[1]" && p.Message.Contains("expectUpstream step needs an upstream", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("upstream:\n  resources: Prices/All\n  data: upstream-data.json", "upstream.resources", "one path segment")]
    [InlineData("upstream:\n  resources: prices\n  effects: prices", "upstream.effects", "other than resources")]
    [InlineData("upstream:\n  resources: prices\n  data: ../outside.json", "upstream.data", "not a file inside the challenge folder")]
    [InlineData("upstream:\n  resources: prices\n  latencyMs: -1", "upstream.latencyMs", "between 0 and 10000")]
    [InlineData("upstream:\n  data: upstream-data.json", "upstream.resources", "is required")]
    public void Validate_names_the_problem_of_a_malformed_upstream_block(string upstream, string where, string message)
    {
        StepChallenge.WriteTo(_folder, "- sleep: { milliseconds: 1 }", upstream);

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Contains(problems, p => p.File == "challenge.yaml" && p.Where == where && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("data")]
    [InlineData("/proc/x")]
    [InlineData("/data/../etc")]
    [InlineData("/tmp")]
    public void A_data_volume_outside_plain_absolute_paths_is_refused(string path)
    {
        StepChallenge.WriteTo(_folder, "- sleep: { milliseconds: 1 }", service: $"  dataVolume: \"{path}\"");

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Contains(problems, p => p.Where == "service.dataVolume");
    }

    [Fact]
    public void An_upstream_data_file_that_is_not_an_object_of_objects_is_refused()
    {
        StepChallenge.WriteTo(_folder, "- sleep: { milliseconds: 1 }");
        _folder.Write("upstream-data.json", """{ "SKU-1": 3 }""");

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        Assert.Contains(problems, p => p.File == "upstream-data.json" && p.Where == "SKU-1");
    }
}
