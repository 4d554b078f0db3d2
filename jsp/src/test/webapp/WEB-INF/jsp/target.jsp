<%@ page contentType="text/plain;charset=UTF-8" %>target ${param.p} ${requestScope['jakarta.servlet.forward.request_uri']}
