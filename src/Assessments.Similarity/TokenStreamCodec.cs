using System.IO.Compression;
using Assessments.Insight.Similarity;

namespace Assessments.Similarity;

/// <summary>
/// A token stream as stored bytes: per token its kind and the line delta within its file (varints),
/// the file index once per file, Brotli over the lot. About two bytes a token for real submissions.
/// </summary>
public static class TokenStreamCodec
{
    private const byte Format = 1;

    public static byte[] Encode(TokenStream tokens)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(brotli))
        {
            writer.Write(Format);
            writer.Write7BitEncodedInt(tokens.Length);
            var file = -1;
            var line = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                // Kinds are Roslyn SyntaxKind values or NeutralTokens' (all positive); the file boundary (-1) becomes 0, which neither emits.
                writer.Write7BitEncodedInt(tokens.Kinds[i] == TokenStream.Boundary ? 0 : tokens.Kinds[i]);
                if (tokens.Kinds[i] == TokenStream.Boundary)
                {
                    continue;
                }

                if (tokens.Files[i] != file)
                {
                    file = tokens.Files[i];
                    line = 0;
                    writer.Write7BitEncodedInt(file);
                }

                writer.Write7BitEncodedInt(tokens.Lines[i] - line);
                line = tokens.Lines[i];
            }
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a stream this codec wrote.</exception>
    public static TokenStream Decode(byte[] bytes, IReadOnlyList<string> paths)
    {
        using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new BinaryReader(brotli);
        if (reader.ReadByte() != Format)
        {
            throw new InvalidDataException("unknown token stream format");
        }

        var length = reader.Read7BitEncodedInt();
        var kinds = new int[length];
        var files = new int[length];
        var lines = new int[length];
        var file = -1;
        var line = 0;
        var boundaryPending = false;
        for (var i = 0; i < length; i++)
        {
            var kind = reader.Read7BitEncodedInt();
            if (kind == 0)
            {
                kinds[i] = TokenStream.Boundary;
                boundaryPending = true;
                continue;
            }

            kinds[i] = kind;
            if (file < 0 || boundaryPending)
            {
                file = reader.Read7BitEncodedInt();
                line = 0;
                // The boundary belongs to the file after it, as TokenStream.Of records it.
                if (boundaryPending)
                {
                    files[i - 1] = file;
                    boundaryPending = false;
                }
            }

            files[i] = file;
            line += reader.Read7BitEncodedInt();
            lines[i] = line;
        }

        return TokenStream.FromParts(kinds, files, lines, paths);
    }
}
