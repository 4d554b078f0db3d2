<%@ page contentType="text/plain;charset=UTF-8" %>declared <%= config.getInitParameter("greeting") %>
