package dev.sluice.maven.internal;

/**
 * The folder name under {@code webapps/} that the server deploys at a context path, as {@code bin/sluice}
 * names them: {@code ROOT} for {@code /}, {@code shop} for {@code /shop}, {@code shop#admin} for
 * {@code /shop/admin}.
 */
public final class WebappFolderName {
    private WebappFolderName() {
    }

    /** @throws IllegalArgumentException with a one-line reason for a context path that cannot be a folder */
    public static String of(String contextPath) {
        String path = contextPath == null ? "" : contextPath.trim();
        if (path.isEmpty() || path.equals("/")) {
            return "ROOT";
        }
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("contextPath must start with / and not end with one: " + contextPath);
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("#")
                    || segment.contains("\\") || segment.equals("ROOT")) {
                throw new IllegalArgumentException("contextPath has a segment no webapp folder can have: "
                        + contextPath);
            }
        }
        return path.substring(1).replace('/', '#');
    }
}
