<%@ page contentType="text/plain;charset=UTF-8" isErrorPage="true" %>error page: <%= exception.getClass().getSimpleName() %>: ${pageContext.exception.message}
