using System.Net.Sockets;
using Assessments.Load.Measurement;

namespace Assessments.Load.Dispatch;

/// <summary>Maps what the transport threw to an <see cref="ErrorKind"/>, by exception type and socket error, never by message text.</summary>
public static class ErrorClassifier
{
    public static ErrorKind Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException:
                    return ErrorKind.Timeout;
                case ResponseBodyTooLargeException:
                    return ErrorKind.BodyTooLarge;
                case SocketException socket:
                    return FromSocket(socket.SocketErrorCode);
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return ErrorKind.Reset;
                default:
                    break;
            }
        }

        return exception is OperationCanceledException ? ErrorKind.Timeout : ErrorKind.Other;
    }

    private static ErrorKind FromSocket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ErrorKind.Refused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => ErrorKind.Reset,
        SocketError.TimedOut => ErrorKind.Timeout,
        _ => ErrorKind.Other,
    };
}
