<%@ page contentType="text/plain;charset=UTF-8" errorPage="/WEB-INF/jsp/error.jsp" %><% if (true) throw new IllegalArgumentException("broken on purpose"); %>never
