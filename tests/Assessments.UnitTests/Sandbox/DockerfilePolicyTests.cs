using Assessments.Runner.Sandbox;

namespace Assessments.UnitTests.Sandbox;

public sealed class DockerfilePolicyTests
{
    private const string Starter = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY . ./
        RUN dotnet publish -c Release -o /app

        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        COPY --from=build /app ./
        ENTRYPOINT ["dotnet", "CatalogApi.dll"]
        """;

    [Fact]
    public void Check_allows_a_multi_stage_build_from_allowed_images_and_its_own_stages() =>
        Assert.Null(DockerfilePolicy.Default.Check(Starter));

    [Theory]
    [InlineData("FROM alpine:3.20\n", 1, "FROM alpine:3.20 is not an allowed base image")]
    [InlineData("FROM ubuntu\n", 1, "FROM ubuntu is not an allowed base image")]
    [InlineData("# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\n", 1, "remote build front-end")]
    [InlineData("FROM debian:bookworm-slim\nADD https://example.invalid/x /x\n", 2, "ADD of a URL is not allowed (https://example.invalid/x)")]
    [InlineData("FROM debian:bookworm-slim\nADD [\"http://10.0.0.1/x\", \"/x\"]\n", 2, "ADD of a URL is not allowed (http://10.0.0.1/x)")]
    [InlineData("FROM debian:bookworm-slim\nADD git@github.com:a/b.git /b\n", 2, "ADD of a URL is not allowed")]
    [InlineData("FROM debian:bookworm-slim\nRUN --network=host true\n", 2, "RUN --network=host is not allowed")]
    [InlineData("FROM debian:bookworm-slim\nCOPY --from=nginx:latest /etc/nginx /n\n", 2, "COPY --from=nginx:latest names an image that is not allowed")]
    [InlineData("ARG BASE\nFROM $BASE\n", 2, "uses a build argument without a default")]
    [InlineData("ARG BASE=alpine:3.20\nFROM ${BASE}\n", 2, "FROM alpine:3.20 is not an allowed base image")]
    [InlineData("# just a comment\n", 0, "no FROM instruction")]
    public void Check_refuses_what_would_reach_outside_the_sandbox(string dockerfile, int line, string reason)
    {
        var violation = DockerfilePolicy.Default.Check(dockerfile);

        Assert.NotNull(violation);
        Assert.Equal(line, violation.Line);
        Assert.Contains(reason, violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_resolves_build_argument_defaults_and_joins_continued_lines()
    {
        const string Dockerfile = "ARG SDK=mcr.microsoft.com/dotnet/sdk:10.0\nFROM ${SDK} \\\n  AS build\nFROM build\nRUN echo ok \\\n  && true\n";

        Assert.Null(DockerfilePolicy.Default.Check(Dockerfile));
    }

    [Fact]
    public void Check_reports_the_line_where_a_continued_instruction_starts()
    {
        var violation = DockerfilePolicy.Default.Check("FROM debian:bookworm-slim\n\nADD \\\n  http://example.invalid/x \\\n  /x\n");

        Assert.Equal(3, violation!.Line);
    }

    [Fact]
    public void Read_names_the_base_images_a_build_depends_on_but_not_its_own_stages()
    {
        var (violation, images) = DockerfilePolicy.Default.Read(Starter);

        Assert.Null(violation);
        Assert.Equal(["mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/sdk:10.0"], images);
    }

    [Theory]
    [InlineData("FROM golang:1.19 AS build\nRUN go build -o /out/service .\nFROM debian:bookworm-slim\nCOPY --from=build /out/service /service\n", "debian:bookworm-slim golang:1.19")]
    [InlineData("FROM python:3.11-slim\nCOPY . /app\n", "python:3.11-slim")]
    [InlineData("FROM scratch\nCOPY --from=golang:1.19 /usr/lib/go-1.19/VERSION /v\n", "golang:1.19")]
    public void Python_and_Go_build_from_their_toolchain_images(string dockerfile, string expected)
    {
        var (violation, images) = DockerfilePolicy.Default.Read(dockerfile);

        Assert.Null(violation);
        Assert.Equal(expected, string.Join(' ', images));
    }

    [Theory]
    [InlineData("FROM node:20-slim\nWORKDIR /app\nCOPY . ./\nCMD [\"node\", \"server.js\"]\n", "node:20-slim")]
    [InlineData("FROM node:20\nCOPY . /app\n", "node:20")]
    [InlineData("FROM eclipse-temurin:17-jdk AS build\nRUN javac -d classes *.java\nFROM eclipse-temurin:17-jre\nCOPY --from=build /src/classes /app\n", "eclipse-temurin:17-jdk eclipse-temurin:17-jre")]
    public void Node_and_Java_build_from_their_toolchain_images(string dockerfile, string expected)
    {
        var (violation, images) = DockerfilePolicy.Default.Read(dockerfile);

        Assert.Null(violation);
        Assert.Equal(expected, string.Join(' ', images));
    }

    [Theory]
    [InlineData("FROM node:22\n")]
    [InlineData("FROM eclipse-temurin:21-jdk\n")]
    public void A_refused_image_is_answered_with_every_image_that_is_offered(string dockerfile)
    {
        var violation = DockerfilePolicy.Default.Check(dockerfile);

        Assert.NotNull(violation);
        foreach (var offered in new[] { "python:3.11-slim", "golang:1.19", "node:20-slim", "eclipse-temurin:17-jdk", "eclipse-temurin:17-jre" })
        {
            Assert.Contains(offered, violation.Reason, StringComparison.Ordinal);
        }
    }
}
