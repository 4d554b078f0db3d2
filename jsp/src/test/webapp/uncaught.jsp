<%@ page contentType="text/plain;charset=UTF-8" %><% if (true) throw new IllegalStateException("no error page of its own"); %>never
