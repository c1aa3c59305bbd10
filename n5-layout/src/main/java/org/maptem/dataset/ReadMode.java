package org.maptem.dataset;

/**
 * How uncompressed bytes are read from disk.
 *
 * <p>Memory mapping is fastest while the data fits in the page cache; past that it thrashes (every page faulted in
 * and evicted), and direct IO with aligned buffers keeps the disk's streaming rate. {@link #AUTO} maps when the
 * dataset is smaller than the memory the OS could cache, and reads directly otherwise.
 */
public enum ReadMode {
	AUTO, MMAP, DIRECT
}
