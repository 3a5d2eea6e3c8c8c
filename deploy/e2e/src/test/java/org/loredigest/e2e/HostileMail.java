package org.loredigest.e2e;

/** A patch mail whose subject and body carry markup, as an attacker would send it to a list. */
final class HostileMail {

    static final String RAW = """
            From: Mallory <mallory@example.org>
            To: e2e-hostile@vger.kernel.org
            Subject: [PATCH] mm: <script>alert(1)</script> fix <img src=x onerror=alert(1)>
            Date: Fri, 15 Mar 2024 10:00:00 +0000
            Message-ID: <hostile-1@example.org>
            List-Id: <e2e-hostile.vger.kernel.org>

            <img src=x onerror=alert(1)> use-after-free in memcg when <script>alert(1)</script> is reclaimed.

            Take the reference before unlocking.

            Signed-off-by: Mallory <mallory@example.org>
            ---
             mm/memcontrol.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/mm/memcontrol.c b/mm/memcontrol.c
            --- a/mm/memcontrol.c
            +++ b/mm/memcontrol.c
            @@ -1,3 +1,3 @@ static void memcg_reclaim(void)
            -\tput(memcg);
            +\tget(memcg);
            """;

    private HostileMail() {
    }
}
