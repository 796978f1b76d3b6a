// Counts per construct, a header: `.h` files are read with the C++ grammar, C ones too.
// `metrics:` lists the values measured at that line with every threshold at 0; a metric at 0
// is not reported.

#ifndef CONTROL_FLOW_H
#define CONTROL_FLOW_H

#include <stddef.h>

typedef struct buffer { // metrics: class-lines=5
    char *data;
    size_t length;
    size_t capacity;
} buffer;

int buffer_append(buffer *b, const char *text, size_t n);
void buffer_free(buffer *b);

static inline size_t buffer_room(const buffer *b) { // metrics: cyclomatic=2 cognitive=1 parameters=1 returns=1 lines=3
    return b->capacity > b->length ? b->capacity - b->length : 0;
}

static inline int buffer_find(const buffer *b, char c) { // metrics: cyclomatic=5 cognitive=5 parameters=2 returns=2
    for (size_t i = 0; b->data != NULL && i < b->length; i++) { // metrics: boolean-expressions=2
        if (b->data[i] == c || b->data[i] == '\0') { // metrics: boolean-expressions=2 depth=2
            return (int)i;
        }
    }
    return -1;
}

#endif
