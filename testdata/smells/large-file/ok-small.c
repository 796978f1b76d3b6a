// settings: [c]
// settings: max-file-lines = 5
/* Comments and blank lines are not lines of code. */
#include <stdio.h>

int next(int count) {
    return count + 1;
}
