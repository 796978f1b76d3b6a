// Counts per construct, C#. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Lambdas, anonymous methods and local
// functions are part of their method.

using System;
using System.Collections.Generic;
using System.Linq;

namespace Fixtures;

public class Control // metrics: class-lines=157
{
    public int Straight(int a) // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=4
    {
        return a + 1;
    }

    public string Chain(int x) // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    {
        if (x == 1) // metrics: depth=1
        {
            return "one";
        }
        else if (x == 2)
        {
            return "two";
        }
        else if (x == 3)
        {
            return "three";
        }
        else
        {
            return "many";
        }
    }

    // An `if` alone in an `else` block is nested, not an `else if`.
    public string Nested(int x, bool strict) // metrics: cyclomatic=3 cognitive=4 parameters=2 returns=3
    {
        if (x > 0)
        {
            return "positive";
        }
        else
        {
            if (strict) // metrics: depth=2
            {
                return "rejected";
            }
        }
        return "other";
    }

    public int Loops(int[] values, int limit) // metrics: cyclomatic=7 cognitive=9 parameters=2 returns=1
    {
        var total = 0;
        for (var i = 0; i < values.Length && total < limit; i++) // metrics: boolean-expressions=2
        {
            foreach (var v in values)
            {
                while (v > total) // metrics: depth=3
                {
                    total += v;
                }
            }
        }
        do
        {
            total--;
        } while (total > limit || total < 0); // metrics: boolean-expressions=2
        return total;
    }

    public string Switches(int code, string fallback = "none") // metrics: cyclomatic=5 cognitive=2 parameters=2 returns=3
    {
        switch (code) // metrics: depth=1
        {
            case 1:
            case 2:
                return "low";
            case 3:
                fallback = "three";
                break;
            case int n when n > 100:
                goto case 3;
            default:
                return fallback;
        }
        return fallback;
    }

    public static string Describe(object shape) => shape switch // metrics: cyclomatic=4 cognitive=1 parameters=1 returns=0 depth=1
    {
        Circle c when c.Radius > 10 => "large circle",
        Circle => "circle",
        Square { Side: > 5 } => "large square",
        _ => "other",
    };

    public int Handlers(Func<int> task, int retries) // metrics: cyclomatic=6 cognitive=6 parameters=2 returns=3
    {
        try // metrics: depth=1
        {
            return task();
        }
        catch (TimeoutException e) when (retries > 0 && e.Message != null)
        {
            return retries > 1 ? Handlers(task, retries - 1) : -1;
        }
        catch (InvalidOperationException)
        {
            throw;
        }
        catch
        {
            Console.WriteLine("failed");
        }
        finally
        {
            Console.WriteLine("done");
        }
        return 0;
    }

    public bool Logic(bool a, bool b, bool c, bool d) // metrics: cyclomatic=5 cognitive=4 parameters=4 returns=2
    {
        if (a && b || c && d) // metrics: boolean-expressions=4 depth=1
        {
            return true;
        }
        return false;
    }

    public string Coalesce(string first, string second, string third) // metrics: cyclomatic=3 cognitive=1 parameters=3 returns=1
    {
        return first ?? second ?? third;
    }

    // Each `?.` is a decision, as `??` is (and as ESLint counts it in JavaScript).
    public int? Depth(Node node) // metrics: cyclomatic=3 parameters=1 returns=1
    {
        return node?.Parent?.Depth;
    }

    public int Search(int[,] grid, int target) // metrics: cyclomatic=4 cognitive=7 parameters=2 returns=2
    {
        for (var i = 0; i < grid.GetLength(0); i++)
        {
            for (var j = 0; j < grid.GetLength(1); j++)
            {
                if (grid[i, j] == target) // metrics: depth=3
                {
                    goto found;
                }
            }
        }
        return -1;
    found:
        return target;
    }

    public List<int> Lambdas(IEnumerable<int> source, int floor) // metrics: cyclomatic=4 cognitive=5 parameters=2 returns=3
    {
        var kept = source.Where(x => x > floor && x % 2 == 0).ToList();
        kept.ForEach(x =>
        {
            if (x > 100) // metrics: depth=1
            {
                Console.WriteLine(x);
            }
        });
        int Clamp(int v)
        {
            return v < floor ? floor : v;
        }
        Func<int, bool> odd = delegate (int v) { return v % 2 == 1; };
        return kept.Select(Clamp).Where(odd).ToList();
    }
}

public struct Point // metrics: class-lines=15
{
    private readonly int x;

    public Point(int x, int y) // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0
    {
        this.x = x;
        Y = y;
    }

    public int Y { get; set; }

    public int X
    {
        get { return x < 0 ? -x : x; } // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=1
    }

    public static Point operator +(Point a, Point b) => new Point(a.X + b.X, a.Y + b.Y); // metrics: cyclomatic=1 cognitive=0 parameters=2 returns=0
}

public interface IShape // metrics: class-lines=5
{
    double Area();

    /* A default implementation:
       comments are not lines of code. */
    string Name() => GetType().Name; // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=0 lines=1
}

public record Circle(double Radius); // metrics: class-lines=1

public static class Extensions // metrics: class-lines=8
{
    public static readonly Func<int, int> Twice = n => n > 0 ? n * 2 : 0; // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=0

    public static int Sum(this int[] values, int start = 0, params int[] extra) // metrics: cyclomatic=1 cognitive=0 parameters=3 returns=1
    {
        // `this`, a default and `params` are parameters too
        return values.Sum() + start + extra.Sum();
    }
}
