/*
 * page_io: reading a file descriptor to the end of what is asked, the
 * loop every reader of a whole file needs (configuration, content,
 * data/, i18n/, assets, os.ReadFile, getCSV, time zones).
 */

#ifndef PAGE_IO_H
#define PAGE_IO_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Read up to len bytes of fd into buf, as many read()s as it takes
 * (EINTR retried): the bytes read, fewer than len at the end of the file
 * (a file that shrank is read as far as it goes), or -1 with errno set.
 */
ssize_t page_read_full(int fd, char *buf, size_t len);

#endif /* PAGE_IO_H */
