namespace Planted;

public static class Broken
{
    public static int Half(int value)
    {
        return value / 2 // planted: parse-error
    }
}
