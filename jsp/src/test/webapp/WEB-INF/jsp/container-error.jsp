<%@ page contentType="text/plain;charset=UTF-8" isErrorPage="true" %>container error page: ${requestScope['jakarta.servlet.error.exception'].message}
