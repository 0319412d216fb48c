/*
 * page_io: reading a file descriptor to the end of what is asked
 * (page_io.h).
 */

#include <errno.h>
#include <unistd.h>

#include "page_io.h"


ssize_t
page_read_full(int fd, char *buf, size_t len)
{
    size_t   got;
    ssize_t  n;

    got = 0;

    while (got < len) {
        n = read(fd, buf + got, len - got);

        if (n == -1 && errno == EINTR) {
            continue;
        }

        if (n == -1) {
            return -1;
        }

        if (n == 0) {
            break;
        }

        got += (size_t) n;
    }

    return (ssize_t) got;
}
