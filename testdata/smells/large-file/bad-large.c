// settings: [c]
// settings: max-file-lines = 5
// expect: smells/large-file value=6
#include <stdio.h>

static int count;

int next(void) {
    count += 1;
    return count;
}
