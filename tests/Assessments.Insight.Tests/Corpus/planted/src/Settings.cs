namespace Planted;

public static class Settings
{
    public const string Database = "Host=db.internal;Username=orders;Password=Xk92!mQz7vLp"; // planted: secret-in-source
    public const string LocalDatabase = "Host=localhost;Username=postgres;Password=postgres"; // not: secret-in-source(high)
    public const string JwtSigningKey = "c2VjcmV0LXNpZ25pbmcta2V5LTEyMzQ1Njc4OTA="; // planted: secret-in-source
    public const string Greeting = "Password = is what the form asks for"; // not: secret-in-source
    public const string Queue = "amqp://orders:Zr8!kq2Lw@rabbit.internal:5672/"; // planted: secret-in-source

    public static readonly string DeployKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----"; // planted: secret-in-source
}
