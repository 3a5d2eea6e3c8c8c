package org.loredigest.mail.trailer;

/**
 * One trailer line, b4 style.
 *
 * @param type        what kind of trailer it is
 * @param name        the name as written ({@code Reviewed-by})
 * @param value       the value as written, without a trailing {@code # comment}
 * @param personName  for person trailers: the name, else empty
 * @param personEmail for person trailers: the address (lower case), else empty
 * @param commit      Fixes: the abbreviated sha; base-commit: the sha; else empty
 * @param commitTitle Fixes: the title in {@code ("...")}, else empty
 * @param url         Link/Closes: the URL, else empty
 * @param comment     the {@code # ...} or {@code [...]} annotation, e.g. the stable versions of {@code Cc: stable # 6.1+}
 * @param followUp    given in a reply rather than in the patch itself
 */
public record Trailer(TrailerType type, String name, String value, String personName, String personEmail, String commit,
                      String commitTitle, String url, String comment, boolean followUp) {

    /** {@code Cc: stable@vger.kernel.org}: the change is meant for stable kernels. */
    public boolean stableCc() {
        return type == TrailerType.CC && personEmail.equals("stable@vger.kernel.org");
    }

    /** {@code Name <email>} or the raw value. */
    public String display() {
        return name + ": " + value + (comment.isEmpty() ? "" : " " + comment);
    }
}
