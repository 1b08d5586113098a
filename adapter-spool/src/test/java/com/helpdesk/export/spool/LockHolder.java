package com.helpdesk.export.spool;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A separate process holding a spool folder's lock, as a live instance of the service would. */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        FileChannel channel = FileChannel.open(
                folder.resolve(FileSpoolStore.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
