// Counts per construct, C. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Each `case` keyword is a decision (grouped
// cases too), `default` is not; a `goto` adds one to cognitive complexity.

#include <stdarg.h>
#include <stddef.h>

struct node { // metrics: class-lines=5
    int value;
    int ready;
    struct node *next;
};

struct queue { // metrics: class-lines=5
    struct node *head;
    int limit;
    int force;
};

typedef struct { // metrics: class-lines=4
    double w;
    double h;
} rect;

union number { // metrics: class-lines=4
    long i;
    double d;
};

static int straight(int a) { // metrics: cyclomatic=1 cognitive=0 parameters=1 returns=1 lines=3
    return a + 1;
}

int version(void) { // metrics: cyclomatic=1 cognitive=0 parameters=0 returns=1 lines=3
    return 3;
}

const char *chain(int x) { // metrics: cyclomatic=4 cognitive=4 parameters=1 returns=4
    if (x == 1) { // metrics: depth=1
        return "one";
    } else if (x == 2) {
        return "two";
    } else if (x == 3) {
        return "three";
    } else {
        return "many";
    }
}

int bare(int x) { // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=3
    if (x < 0) // metrics: depth=1
        return -1;
    else if (x == 0)
        return 0;
    else
        return 1;
}

int sum(int count, ...) { // metrics: cyclomatic=2 cognitive=1 parameters=2 returns=1
    va_list args;
    int total = 0;
    va_start(args, count);
    for (int i = 0; i < count; i++) { // metrics: depth=1
        total += va_arg(args, int);
    }
    va_end(args);
    return total;
}

int *nested(int *items, size_t n, int limit) { // metrics: cyclomatic=5 cognitive=7 parameters=3 returns=1
    int *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (items[i] > limit) {
            while (items[i] > 0) { // metrics: depth=3
                items[i] -= 2;
            }
            best = &items[i];
        }
    }
    return best ? best : items;
}

int admit(int age, int member, int guest, int banned) { // metrics: cyclomatic=6 cognitive=5 parameters=4 returns=2
    if (age >= 18 && member || guest && !banned) { // metrics: boolean-expressions=4 depth=1
        return 1;
    }
    return age > 65 && member;
}

int classify(char c, int strict) { // metrics: cyclomatic=7 cognitive=3 parameters=2 returns=1
    int kind = 0;
    switch (c) {
    case 'a':
    case 'e':
    case 'i':
        kind = 1;
        break;
    case ' ':
        if (strict) { // metrics: depth=2
            kind = -1;
        }
        /* fall through */
    case '\t':
        kind = 2;
        break;
    default:
        kind = 3;
    }
    return kind;
}

int drain(struct queue *q) { // metrics: cyclomatic=5 cognitive=6 parameters=1 returns=1
    int moved = 0;
    do {
        if (q->head == NULL) { // metrics: depth=2
            goto done;
        }
        moved++;
        q->head = q->head->next;
    } while (q->head != NULL && moved < q->limit || q->force); // metrics: boolean-expressions=3
done:
    return moved;
}

int sign(int v) { return v > 0 ? 1 : v < 0 ? -1 : 0; } // metrics: cyclomatic=3 cognitive=3 parameters=1 returns=1

long factorial(int n) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1
    return n <= 1 ? 1 : n * factorial(n - 1);
}

void apply(int (*fn)(int), int *values, size_t n) { // metrics: cyclomatic=3 cognitive=2 parameters=3 returns=0 lines=7
    // Apply fn to each value while the values are positive.
    /* A block comment
       over two lines. */
    size_t i = 0;
    while (i < n && values[i] > 0) { // metrics: boolean-expressions=2 depth=1
        values[i] = fn(values[i]);
        i++;
    }
}

/* FOREACH is a macro the grammar cannot know: `FOREACH(item, list)` reads as a call missing
   its `;`, and the loop body as a plain block. The macro loop is no loop here (nor in
   lizard), and the `if` in its body is at the function's top level. */
int count_ready(struct node *list) { // metrics: cyclomatic=3 cognitive=2 parameters=1 returns=1
    int count = 0;
    FOREACH(item, list) {
        if (item->ready && item->value > 0) { // metrics: boolean-expressions=2 depth=1
            count++;
        }
    }
    return count;
}

/* A preprocessor condition is the compiler's: its `&&` is no decision at run time. */
int page_size(void) { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=2
#if defined(__linux__) && !defined(NO_PAGES)
    if (sysconf_ok()) { // metrics: depth=1
        return 4096;
    }
#endif
    return 512;
}
