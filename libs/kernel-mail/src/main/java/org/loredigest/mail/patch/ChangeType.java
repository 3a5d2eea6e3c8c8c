package org.loredigest.mail.patch;

/** What a diff does to one file. */
public enum ChangeType {
    MODIFIED, ADDED, DELETED, RENAMED, COPIED, MODE_CHANGED
}
